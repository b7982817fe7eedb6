#!/usr/bin/env bash
# HTTP load of the service against a bare Javalin endpoint, on loopback, in one run (docs/benchmarks.md).
#
#   bench/load.sh [--customers 10000,1000000] [--duration 15] [--warm-up 15] [--connections 16] [--no-build]
#                 [--import 10000 | --import-all]
#
# For each data-set size: a fresh data directory, N customers (up to --import of them imported with the jar's
# `import` command; beyond that, unless --import-all, the rest cloned in SQL from the imported ones, see
# clone_users), the server
# started in dev mode, then wrk alternating the bare endpoint with GET contact-methods, PUT contact-info,
# PUT users/{id} and POST otp, each for --duration seconds. Prints throughput as a ratio to the bare endpoint
# (the mean of the bare runs around it), p50/p99 latency, start-up time to the first 200, and VmRSS after the load.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/bootstrap/target/contact-info.jar}
BENCH_JAR=$ROOT/bench/target/benchmarks.jar
# The service runs through its launcher, with the launcher's default settings (bin/contact-info); the bare endpoint
# on the same JVM settings, so that the ratio compares the code, not two garbage collectors.
LAUNCHER=$ROOT/bin/contact-info
export CONTACTINFO_JAR=$JAR
BARE_JVM="-Xms32m -Xmx128m -XX:+UseSerialGC -Djdk.nio.maxCachedBufferSize=262144"
SIZES=10000,1000000
DURATION=15
WARMUP=15
CONNECTIONS=16
BUILD=1
IMPORTED_MAX=10000
TOKENS=16

while [ $# -gt 0 ]; do
  case $1 in
    --customers) SIZES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warm-up) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --import) IMPORTED_MAX=$2; shift 2 ;;
    --import-all) IMPORTED_MAX=999999999; shift ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 2; }
if [ $BUILD = 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -Pbench -pl bootstrap,bench -am package)
fi

WORK=$(mktemp -d /tmp/contactinfo-load.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
uuid() { cat /proc/sys/kernel/random/uuid; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); wrk: -t1 -c$CONNECTIONS -d${DURATION}s per endpoint, after ${WARMUP}s of each"

# --- wrk scripts -----------------------------------------------------------------------------------------------
cat > "$WORK/common.lua" <<'LUA'
local tokens = {}
function load_tokens(file)
  for line in io.lines(file) do if line ~= "" then tokens[#tokens + 1] = line end end
end
function pick() local i = math.random(#tokens); return tokens[i], i end
local hex = "0123456789abcdef"
function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.sub(hex, v + 1, v + 1)
  end))
end
customers = {}
function load_customers(file)
  for line in io.lines(file) do if line ~= "" then customers[#customers + 1] = line end end
end
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  load_tokens(args[1]); load_customers(args[2])
end
LUA
# GET's requests are built once, 1,024 of them (random customers, a correlation id each), and sent in turn: built
# per request in Lua they cost wrk, on the server's cores, far more than the bare endpoint's fixed request
# (docs/benchmarks.md). The writes keep building theirs: each must change something.
cat > "$WORK/get.lua" <<'LUA'
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local requests, sent = {}, 0
local common_init = init
init = function(args)
  common_init(args)
  for k = 1, 1024 do
    local token, i = pick()
    requests[k] = wrk.format("GET", "/digitalbanking/ux-users/v1/customers/" .. customers[i] .. "/contact-methods",
      { ["Authorization"] = "Bearer " .. token, ["correlationId"] = uuid() })
  end
end
request = function()
  sent = sent % #requests + 1
  return requests[sent]
end
LUA
cat > "$WORK/put-contact.lua" <<'LUA'
dofile(os.getenv("LUA_DIR") .. "/common.lua")
request = function()
  local token, i = pick()
  local body = '{"email":{"emailAddress":"load' .. math.random(1, 1000000000) .. '@example.com"}}'
  return wrk.format("PUT", "/digitalbanking/ux-users/v1/customers/" .. customers[i] .. ":contact-info",
    { ["Authorization"] = "Bearer " .. token, ["correlationId"] = uuid(), ["Content-Type"] = "application/json" }, body)
end
LUA
cat > "$WORK/put-user.lua" <<'LUA'
dofile(os.getenv("LUA_DIR") .. "/common.lua")
local names = { "Ada", "Grace", "Alan", "Barbara", "Edsger", "Frances" }
request = function()
  local token, i = pick()
  local body = '{"userData":{"profileData":{"firstName":"' .. names[math.random(#names)] ..
    '","lastName":"Load","addresses":[{"addressLine1":"' .. math.random(1, 9999) ..
    ' Main St","city":"Austin","state":"TX","zipCode":"73301","type":"home","isDefault":true}]}}}'
  return wrk.format("PUT", customers[i], { ["Authorization"] = "Bearer " .. token, ["X-GD-RequestID"] = uuid(),
    ["Content-Type"] = "application/json" }, body)
end
LUA
cat > "$WORK/otp.lua" <<'LUA'
dofile(os.getenv("LUA_DIR") .. "/common.lua")
request = function()
  local token, i = pick()
  local customer, method = customers[i]:match("([^ ]+) ([^ ]+)")
  return wrk.format("POST", "/digitalbanking/ux-users/v1/customers/" .. customer .. "/otp",
    { ["Authorization"] = "Bearer " .. token, ["correlationId"] = uuid(), ["Content-Type"] = "application/json" },
    '{"contactMethodId":"' .. method .. '","purpose":"PASSWORD_RESET"}')
end
LUA
cat > "$WORK/bare.lua" <<'LUA'
init = function(args) end
LUA
export LUA_DIR=$WORK

# --- data ------------------------------------------------------------------------------------------------------
# One enrollment a line; every customer has its own SSN, phone and email, so no account limit refuses a row.
generate() {
  python3 - "$1" > "$2" <<'PY'
import json, sys
n = int(sys.argv[1])
states = ["CA", "TX", "NY", "WA", "FL", "IL"]
for i in range(1, n + 1):
    print(json.dumps({"institutionCustomerId": f"c-{i:07d}", "status": "active", "userData": {
        "profileData": {"firstName": "Cust", "lastName": f"Omer{chr(97 + i % 26)}", "addresses": [{
            "addressLine1": f"{i % 9999 + 1} Main St", "city": "Springfield", "state": states[i % 6],
            "zipCode": f"{10000 + i % 89999:05d}", "type": "home", "isDefault": True}]},
        "identifyingData": {"dateOfBirth": "1980-05-17", "ssn": f"5{i:08d}"},
        "email": {"emailAddress": f"c{i}@example.com"},
        "phoneNumbers": [{"number": f"3{i:09d}", "type": "mobile", "isDefault": True},
                         {"number": f"4{i:09d}", "type": "home"}]}}, separators=(",", ":")))
PY
}

# Copies of the imported users up to N: the same rows under new ids and customer ids (x<round>-c-…), each under
# an account of its own. Their SSN and date of birth are left out (their ciphertext is bound to the original
# user) and they hold no limit-registry entries: enough for the look-ups GET contact-methods makes. The database is
# closed with its file compacted, as the import command leaves it.
clone_users() {
  local url=$1 base=$2 total=$3 sql=$WORK/clone.sql rounds
  rounds=$(( (total - base + base - 1) / base ))
  : > "$sql"
  for r in $(seq 1 "$rounds"); do
    cat >> "$sql" <<SQL
CREATE TABLE m AS SELECT id AS old_id, RANDOM_UUID() AS new_id, RANDOM_UUID() AS account FROM app_user
  WHERE customer_id LIKE 'c-%' ORDER BY customer_id LIMIT $(( total - base * r < base ? total - base * r : base ));
INSERT INTO account (id, institution_id, status, status_changed_at)
  SELECT m.account, 'demo-bank', 'ACTIVE', CURRENT_TIMESTAMP FROM m;
INSERT INTO app_user (id, institution_id, customer_id, created_at, account_id, first_name, middle_name, last_name,
    kyc_completed, peer_transfer_preference)
  SELECT m.new_id, u.institution_id, 'x$r-' || u.customer_id, u.created_at, m.account, u.first_name, u.middle_name,
    u.last_name, u.kyc_completed, u.peer_transfer_preference FROM m JOIN app_user u ON u.id = m.old_id;
INSERT INTO phone (id, user_id, position, number, type, is_default, is_verified, updated_at)
  SELECT RANDOM_UUID(), m.new_id, p.position, p.number, p.type, p.is_default, p.is_verified, p.updated_at
  FROM m JOIN phone p ON p.user_id = m.old_id;
INSERT INTO email (id, user_id, address, address_normalized, is_verified, updated_at)
  SELECT RANDOM_UUID(), m.new_id, e.address, e.address_normalized, e.is_verified, e.updated_at
  FROM m JOIN email e ON e.user_id = m.old_id;
INSERT INTO address (user_id, position, type, line1, line2, city, state, zip_code, country_code, is_default,
    is_verified, is_returned, updated_at)
  SELECT m.new_id, a.position, a.type, a.line1, a.line2, a.city, a.state, a.zip_code, a.country_code, a.is_default,
    a.is_verified, a.is_returned, a.updated_at FROM m JOIN address a ON a.user_id = m.old_id;
DROP TABLE m;
SQL
  done
  java -cp "$JAR" org.h2.tools.RunScript -url "$url" -script "$sql"
}

# --- one data set ----------------------------------------------------------------------------------------------
declare -A RESULT
measure() { # name url script args... -> "rps p50 p99 non2xx"
  local name=$1 url=$2 script=$3; shift 3
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$url" -- "$@" 2>&1)
  echo "$out" > "$WORK/wrk-$name.txt"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out"); bad=${bad:-0}
  echo "$rps $p50 $p99 $bad"
}

# Waits until the server has used less than a tenth of a core for half a second (30 s at most), so that what a run
# leaves behind (the notification dispatcher delivering what the PUTs queued, H2's housekeeping) is not charged to
# the next run. Adds the wait to SETTLED_MS.
SETTLED_MS=0
TICKS_PER_S=$(getconf CLK_TCK)
cpu_ticks() { # utime + stime of the process, in clock ticks
  [ -r "/proc/$1/stat" ] || { echo "server died" >&2; exit 1; }
  awk '{print $14 + $15}' "/proc/$1/stat"
}
settle() {
  local pid=$1 t0 before after i
  t0=$(now_ms)
  for i in $(seq 1 60); do
    before=$(cpu_ticks "$pid"); sleep 0.5; after=$(cpu_ticks "$pid")
    if [ $(( (after - before) * 20 )) -lt "$TICKS_PER_S" ]; then break; fi
    if [ "$i" = 60 ]; then echo "  the server was still busy after 30 s; measuring anyway" >&2; fi
  done
  SETTLED_MS=$(( SETTLED_MS + $(now_ms) - t0 ))
}

run_size() {
  local n=$1 dir=$WORK/data-$n port bare_port
  mkdir -p "$dir"
  port=$(free_port); bare_port=$(free_port)
  export CONTACTINFO_DATA_DIR=$dir CONTACTINFO_HTTP_PORT=$port
  local imported=$(( n < IMPORTED_MAX ? n : IMPORTED_MAX ))
  generate "$imported" "$dir/customers.jsonl"
  local t0 t1
  t0=$(now_ms)
  "$LAUNCHER" import --file "$dir/customers.jsonl" > "$dir/import.txt" 2>&1
  t1=$(now_ms)
  local import_s=$(( t1 - t0 ))
  grep -E 'accepted' "$dir/import.txt" | sed 's/^/  import: /'
  if [ "$n" -gt "$imported" ]; then
    t0=$(now_ms)
    clone_users "jdbc:h2:file:$dir/contactinfo;DEFRAG_ALWAYS=TRUE" "$imported" "$n"
    echo "  cloned $(( n - imported )) users in SQL in $(( ($(now_ms) - t0) / 1000 )) s"
  fi

  # Tokens, with the jar's token command, for customers spread over the data set.
  : > "$WORK/tokens"; : > "$WORK/customers"
  for k in $(seq 1 $TOKENS); do
    local c; c=$(printf 'c-%07d' $(( (k * 7919 * 131) % imported + 1 )))
    if [ "$n" -gt "$imported" ] && [ $((k % 2)) = 0 ]; then c="x$(( (n - imported) / imported ))-$c"; fi
    "$LAUNCHER" token --customer "$c" > "$WORK/token-$k" &
    echo "$c" >> "$WORK/customers"
    # The first one alone: the token command creates the dev signing key, and two at once would each make one.
    if [ $((k % 2)) = 0 ] || [ "$k" = 1 ]; then wait; fi
  done
  wait
  for k in $(seq 1 $TOKENS); do cat "$WORK/token-$k" >> "$WORK/tokens"; done

  # Start-up: from launch to the first 200 of GET contact-methods. The launcher's first server run of a jar writes
  # its class-data archive when it stops; that run is made first, unmeasured, so the figure is every later start's.
  local first_token first_customer pid
  first_token=$(head -1 "$WORK/tokens"); first_customer=$(head -1 "$WORK/customers")
  first_200() {
    until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $first_token" -H "correlationId: $(uuid)" \
        "http://127.0.0.1:$port/digitalbanking/ux-users/v1/customers/$first_customer/contact-methods")" = 200 ]; do
      kill -0 "$pid" 2>/dev/null || { echo "server died:"; tail -20 "$dir/server.log"; exit 1; }
      sleep 0.02
    done
  }
  if [ ! "${JAR%.jar}.jsa" -nt "$JAR" ]; then
    "$LAUNCHER" serve > "$dir/server-first.log" 2>&1 &
    pid=$!
    first_200
    kill "$pid"; wait "$pid" || true
    echo "  first start of this jar: class-data archive ${JAR%.jar}.jsa written"
  fi
  t0=$(now_ms)
  "$LAUNCHER" serve > "$dir/server.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  first_200
  local startup_ms=$(( $(now_ms) - t0 ))

  # shellcheck disable=SC2086
  java $BARE_JVM -cp "$BENCH_JAR" io.contactinfo.bench.BareServer "$bare_port" > "$dir/bare.log" 2>&1 &
  PIDS+=("$!")
  until curl -sf -o /dev/null "http://127.0.0.1:$bare_port/bare"; do sleep 0.05; done

  # PUT users/{id}: customers enrolled for it through the Users API, since import prints no ids.
  local users_tokens=$WORK/users-tokens users_paths=$WORK/users-paths
  : > "$users_tokens"; : > "$users_paths"
  local i=0
  while read -r token; do
    i=$((i + 1))
    local c; c=$(sed -n "${i}p" "$WORK/customers")
    local answer
    answer=$(curl -s "http://127.0.0.1:$port/programs/demo-bank/enrollments" -X POST -H "Authorization: Bearer $token" \
      -H "X-GD-RequestID: $(uuid)" -H 'Content-Type: application/json' -d '{"institutionCustomerId":"u-'"$c"'","userData":{
        "profileData":{"firstName":"Load","lastName":"Test","addresses":[{"addressLine1":"1 Main St","city":"Austin",
        "state":"TX","zipCode":"73301","type":"home","isDefault":true}]},"identifyingData":{"dateOfBirth":"1980-01-01",
        "ssn":"7'"$(printf '%08d' "$i")"'"}}}')
    python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print("/programs/demo-bank/accounts/%s/users/%s" % (a["accountIdentifier"], a["userIdentifier"]))' "$answer" >> "$users_paths" \
      || { echo "enrollment for PUT users/{id} refused: $answer" >&2; exit 1; }
    echo "$token" >> "$users_tokens"
  done < "$WORK/tokens"

  # POST otp: each customer's SMS method.
  local otp_customers=$WORK/otp-customers
  : > "$otp_customers"
  paste -d' ' "$WORK/tokens" "$WORK/customers" | while read -r token c; do
    local method
    method=$(curl -s -H "Authorization: Bearer $token" -H "correlationId: $(uuid)" \
      "http://127.0.0.1:$port/digitalbanking/ux-users/v1/customers/$c/contact-methods" \
      | python3 -c 'import json,sys; print(next(m["contactMethodId"] for m in json.load(sys.stdin)["contactMethods"] if m["type"]=="SMS"))')
    echo "$c $method" >> "$otp_customers"
  done

  local base=http://127.0.0.1:$port bare=http://127.0.0.1:$bare_port/bare
  # Warm-up, unmeasured: each endpoint runs until the JIT has compiled its path (GET contact-methods needs about
  # 20 s on 2 cores before its throughput stops rising; measured cold, it shows a fifth of its steady rate).
  DURATION=$WARMUP measure warm-bare "$bare" "$WORK/bare.lua" > /dev/null
  DURATION=$WARMUP measure warm-get "$base" "$WORK/get.lua" "$WORK/tokens" "$WORK/customers" > /dev/null
  DURATION=$WARMUP measure warm-get "$base" "$WORK/get.lua" "$WORK/tokens" "$WORK/customers" > /dev/null
  DURATION=$WARMUP measure warm-put-contact "$base" "$WORK/put-contact.lua" "$WORK/tokens" "$WORK/customers" > /dev/null
  DURATION=$WARMUP measure warm-put-user "$base" "$WORK/put-user.lua" "$users_tokens" "$users_paths" > /dev/null
  DURATION=$WARMUP measure warm-otp "$base" "$WORK/otp.lua" "$WORK/tokens" "$otp_customers" > /dev/null

  local -a bare_rps=()
  local r name
  SETTLED_MS=0
  settle "$pid"; r=$(measure "bare0-$n" "$bare" "$WORK/bare.lua"); bare_rps+=("${r%% *}"); RESULT[$n,bare]=$r
  for name in get put-contact put-user otp; do
    settle "$pid"
    case $name in
      get) r=$(measure "$name-$n" "$base" "$WORK/get.lua" "$WORK/tokens" "$WORK/customers") ;;
      put-contact) r=$(measure "$name-$n" "$base" "$WORK/put-contact.lua" "$WORK/tokens" "$WORK/customers") ;;
      put-user) r=$(measure "$name-$n" "$base" "$WORK/put-user.lua" "$users_tokens" "$users_paths") ;;
      otp) r=$(measure "$name-$n" "$base" "$WORK/otp.lua" "$WORK/tokens" "$otp_customers") ;;
    esac
    RESULT[$n,$name]=$r
    settle "$pid"
    local b; b=$(measure "bare-$name-$n" "$bare" "$WORK/bare.lua"); bare_rps+=("${b%% *}")
  done
  local rss; rss=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status")
  local bare_mean; bare_mean=$(printf '%s\n' "${bare_rps[@]}" | awk '{s += $1} END {printf "%.0f", s / NR}')

  echo
  echo "== $n customers: start-up to first 200 ${startup_ms} ms, RSS after load $rss, import of $imported rows $(( import_s / 1000 )) s (JVM start included)"
  echo "   bare endpoint: $bare_mean req/s (mean of ${#bare_rps[@]} runs: ${bare_rps[*]})"
  echo "   waited $(( SETTLED_MS / 1000 )) s in all for the server to go quiet before the 9 runs"
  printf '   %-22s %10s %8s %10s %10s %8s\n' endpoint "req/s" ratio p50 p99 non-2xx
  for name in get put-contact put-user otp; do
    read -r rps p50 p99 bad <<<"${RESULT[$n,$name]}"
    printf '   %-22s %10s %7.1f%% %10s %10s %8s\n' "$name" "$rps" "$(awk -v a="$rps" -v b="$bare_mean" 'BEGIN {print 100 * a / b}')" \
      "$p50" "$p99" "$bad"
  done
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

  kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; PIDS=()
  unset CONTACTINFO_DATA_DIR CONTACTINFO_HTTP_PORT
}

IFS=, read -r -a sizes <<<"$SIZES"
for n in "${sizes[@]}"; do run_size "$n"; done
