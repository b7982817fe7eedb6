-- A login id names one customer of an institution. Enrollment checks it first, but only the database can
-- hold it against two enrollments racing with the same login id. Users without one (NULL) are not compared.
DROP INDEX app_user_login_id_ix;
CREATE UNIQUE INDEX app_user_login_id_uk ON app_user (institution_id, login_id_normalized);
