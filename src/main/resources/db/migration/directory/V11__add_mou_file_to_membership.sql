-- The signed MoU of a membership: the public id of a file in the platform's FileStore. No foreign
-- key, as stored_file is the platform's table; the directory deletes the file when it replaces it.
alter table membership add column mou_file_id varchar(12);
