-- Room on each page of `records` for a re-sync's new row versions: a rewritten or tombstoned
-- record's new version stays on its page with no new primary-key entry (a HOT update), so a
-- re-sync writes less and the key index does not grow with every run. Pages filled from now on
-- keep 15 % free (tables about that much larger); pages written before fill up as they are.
ALTER TABLE "records" SET (fillfactor = 85);
