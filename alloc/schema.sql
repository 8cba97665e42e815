-- schema.sql -- the heaptrail profile, schema version 1.
--
-- One SQLite file per recording.  PRAGMA application_id is 0x48545052
-- ("HTPR") and PRAGMA user_version is the schema version (1); readers refuse
-- versions they do not know.  doc/profile-format.md describes every table and
-- view with example queries.
--
-- The recorder runs the first part when it creates the file.  The part after
-- the "@derived" line is built when the profile is finalized: by
-- ht_rec_close(), by the signal handlers, or by a reader opening a profile
-- whose run was killed.  Derived objects are written `main.`; a reader that
-- cannot write the file builds them as `temp.` instead (SQLite looks in temp
-- first, so queries are the same).
--
-- Conventions: seq is the global event number (0, 1, 2, ...); t is
-- nanoseconds since the recording started; sizes are bytes as requested by the
-- VM; tag is a number from alloc/tags.h (names in `tag`); stack 0 is the empty
-- script stack and has no row.

-- Key/value facts about the run: format, schema_version, heaptrail_version,
-- script, argv, pid, started, ended, exit_status, signal, finished, complete,
-- finalized_by, events, ...
CREATE TABLE meta(
  key TEXT PRIMARY KEY,          -- name of the fact
  value                          -- its value (text or integer)
) WITHOUT ROWID;

-- The allocation tags (alloc/tags.h), written from the X-macro.
CREATE TABLE tag(
  id INTEGER PRIMARY KEY,        -- ht_tag number
  name TEXT NOT NULL,            -- "frame", "list", ...
  kind TEXT NOT NULL             -- 'object' or 'internal' (VM-internal memory)
);

-- Names of the event kinds (recorder.h ht_event_kind).
CREATE TABLE event_kind(
  id INTEGER PRIMARY KEY,        -- 0 alloc, 1 free, 2 realloc, 3 mark, ...
  name TEXT NOT NULL
);

-- Code locations (one per Python function or module body).
CREATE TABLE code(
  id INTEGER PRIMARY KEY,        -- code id, >= 1
  filename TEXT NOT NULL,
  qualname TEXT NOT NULL,        -- "<module>", "f", "C.method", "f.<locals>.g"
  firstlineno INTEGER NOT NULL
);

-- Script stacks as a tree: a node is (parent node, code, line).  The full
-- stack of node n is n, its parent, its parent's parent, ... up to depth 1.
CREATE TABLE stack(
  id INTEGER PRIMARY KEY,        -- node id, >= 1
  parent INTEGER NOT NULL,       -- 0 for an outermost frame
  code INTEGER NOT NULL,         -- code.id
  line INTEGER NOT NULL,         -- line being executed in that frame
  depth INTEGER NOT NULL         -- 1 for an outermost frame
);
CREATE INDEX stack_parent ON stack(parent);

-- Labels of MARK events (heaptrail.mark() or the VM).
CREATE TABLE mark(
  id INTEGER PRIMARY KEY,        -- the MARK event's obj
  seq INTEGER NOT NULL,          -- seq of the MARK event
  t INTEGER NOT NULL,
  label TEXT NOT NULL
);

-- The raw event log: runs of consecutive events, delta/varint packed
-- (alloc/encode.h).  Read it through the `events` virtual table.
CREATE TABLE chunk(
  first_seq INTEGER PRIMARY KEY, -- seq of the chunk's first event
  nevents INTEGER NOT NULL,      -- events in the chunk
  t0 INTEGER NOT NULL,           -- time base of the chunk's encoding
  data BLOB NOT NULL             -- the packed events
);

-- Process-level memory, sampled every sample_ms by the writer thread.
CREATE TABLE sample(
  id INTEGER PRIMARY KEY,        -- the SAMPLE event's obj
  seq INTEGER NOT NULL,          -- seq of the SAMPLE event (approximate until finalized)
  t INTEGER NOT NULL,
  rss INTEGER,                   -- resident set size, bytes (/proc/self/statm)
  je_resident INTEGER,           -- jemalloc stats.resident, bytes
  je_active INTEGER,             -- jemalloc stats.active, bytes
  je_mapped INTEGER              -- jemalloc stats.mapped, bytes
);

-- Per-tag page figures of each sample (tags with nonzero figures only).
CREATE TABLE sample_tag(
  sample INTEGER NOT NULL,       -- sample.id
  tag INTEGER NOT NULL,
  active INTEGER,                -- the tag's arena: active pages, bytes
  resident INTEGER,              -- the tag's arena: resident bytes
  PRIMARY KEY(sample, tag)
) WITHOUT ROWID;

-- Distinct native (C) stacks, when recorded with native stacks.
CREATE TABLE native_stack(
  id INTEGER PRIMARY KEY,        -- the events' native id, >= 1
  depth INTEGER NOT NULL,        -- number of frames
  pcs BLOB NOT NULL              -- return addresses, 8-byte little-endian, innermost first
);

-- Symbols of native return addresses, looked up at the end of the run.
CREATE TABLE native_symbol(
  pc INTEGER PRIMARY KEY,        -- a return address from native_stack.pcs
  module TEXT,                   -- shared object or executable
  symbol TEXT,                   -- function name, NULL when unknown
  offset INTEGER                 -- pc - symbol start
);

-- @derived --------------------------------------------------------------

-- Every object allocated (or first seen) during the run, with its lifetime:
-- alive for alloc_seq <= seq < free_seq.  Rows are in id order, and id is the
-- allocation's seq, so `id BETWEEN a AND b` is a range of the table itself.
-- A REALLOC keeps the object's id; the object's size is its last size, and
-- each change is a row of `resize`.
CREATE TABLE main.object(
  id INTEGER PRIMARY KEY,        -- seq of the event that created it (ALLOC, or REALLOC from NULL)
  pre INTEGER NOT NULL,          -- 1: allocated before recording began (first seen freed or resized)
  alloc_seq INTEGER GENERATED ALWAYS AS (CASE WHEN pre THEN NULL ELSE id END) VIRTUAL,
  free_seq INTEGER,              -- seq of its FREE; NULL if alive at the end
  tag INTEGER NOT NULL,
  size INTEGER NOT NULL,         -- last size (the allocation's size unless resized)
  stack INTEGER NOT NULL,        -- script stack of the allocation
  native INTEGER NOT NULL,       -- native stack of the allocation (0 = none)
  addr INTEGER NOT NULL          -- address when allocated
);

-- Each REALLOC of a known object.
CREATE TABLE main.resize(
  seq INTEGER PRIMARY KEY,       -- the REALLOC event
  obj INTEGER NOT NULL,          -- object.id
  old_size INTEGER NOT NULL,
  size INTEGER NOT NULL,
  old_addr INTEGER NOT NULL,
  addr INTEGER NOT NULL
);

-- Totals per allocation site: (script stack, tag).
CREATE TABLE main.site(
  stack INTEGER NOT NULL,        -- script stack (0 = empty)
  tag INTEGER NOT NULL,
  allocs INTEGER NOT NULL,       -- objects allocated here
  alloc_bytes INTEGER NOT NULL,  -- their sizes when allocated
  reallocs INTEGER NOT NULL,     -- REALLOC events executed here
  realloc_bytes INTEGER NOT NULL,-- new sizes of those REALLOCs
  frees INTEGER NOT NULL,        -- objects allocated here and freed
  freed_bytes INTEGER NOT NULL,  -- their sizes when freed
  live INTEGER NOT NULL,         -- objects allocated here alive at the end
  live_bytes INTEGER NOT NULL,   -- their sizes
  peak_bytes INTEGER NOT NULL,   -- most bytes alive at once from this site
  PRIMARY KEY(stack, tag)
) WITHOUT ROWID;

-- The resolutions of `series`: bucket b of level l covers seq
-- [b * width, (b + 1) * width).
CREATE TABLE main.series_level(
  level INTEGER PRIMARY KEY,     -- 0 = finest
  width INTEGER NOT NULL         -- events per bucket
);

-- Live memory per tag over time, pre-aggregated.  A row exists for a bucket
-- and tag when the tag had live objects or events in it; tag -1 is the total
-- of all tags.
CREATE TABLE main.series(
  level INTEGER NOT NULL,        -- series_level.level
  tag INTEGER NOT NULL,          -- tag, or -1 for all tags
  bucket INTEGER NOT NULL,
  t INTEGER NOT NULL,            -- time of the bucket's last event
  count INTEGER NOT NULL,        -- live objects at the bucket's end
  bytes INTEGER NOT NULL,        -- live bytes at the bucket's end
  peak_bytes INTEGER NOT NULL,   -- most live bytes at any event in the bucket
  allocs INTEGER NOT NULL,       -- ALLOC and REALLOC events in the bucket
  frees INTEGER NOT NULL,        -- FREE events in the bucket
  PRIMARY KEY(level, tag, bucket)
) WITHOUT ROWID;

-- One frame per row for every native stack (from native_stack.pcs).
CREATE TABLE main.native_frame(
  stack INTEGER NOT NULL,        -- native_stack.id
  level INTEGER NOT NULL,        -- 0 = innermost
  pc INTEGER NOT NULL,           -- native_symbol.pc
  PRIMARY KEY(stack, level)
) WITHOUT ROWID;

CREATE INDEX main.object_free_seq ON object(free_seq);
CREATE INDEX main.resize_obj ON resize(obj);

-- A stack node with its code location: one frame of a script stack.
CREATE VIEW main.frame AS
  SELECT s.id AS stack, s.parent, s.depth, c.filename, c.qualname, s.line
  FROM stack s JOIN code c ON c.id = s.code;

-- Objects alive when the run ended.
CREATE VIEW main.live_at_end AS
  SELECT * FROM object WHERE free_seq IS NULL;
