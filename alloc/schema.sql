-- schema.sql -- the heaptrail profile, schema version 2.
--
-- One SQLite file per recording.  PRAGMA application_id is 0x48545052
-- ("HTPR") and PRAGMA user_version is the schema version (2); readers refuse
-- versions they do not know.  doc/profile-format.md describes every table and
-- view with example queries.
--
-- The recorder runs the first part when it creates the file.  The part after
-- the "@derived" line holds the derived tables: the recorder creates them
-- empty with the file and its writer thread fills them as the run goes
-- (derive.c); they are complete once meta finished = 1, set when the profile
-- is finalized: by ht_rec_close(), by the signal handlers, or by a reader
-- opening a profile whose run was killed, which drops and rebuilds them from
-- the chunks.  Derived objects are written `main.`; a reader that cannot
-- write the file builds them as `temp.` instead (SQLite looks in temp first,
-- so queries are the same).  Indexes of derived tables are created when the
-- profile is finalized.
--
-- Three tables are virtual and exist only on connections opened by heaptrail
-- (alloc/profile.h): `events` decodes `chunk`, `object` decodes
-- `object_blob` (and looks objects up by free_seq in `object_end`), `series`
-- decodes `series_blob`.
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

-- Every object allocated (or first seen) during the run, with its lifetime,
-- packed: one row per run of 4096 consecutive objects (by id), the objects
-- coded as alloc/packed.h describes.  Read them through the `object`
-- virtual table, whose rows are (id, pre, alloc_seq, free_seq, tag, size,
-- stack, native, addr) in id order, alive for alloc_seq <= seq < free_seq;
-- an object's id is the seq of the event that created it (ALLOC, or
-- REALLOC from NULL).  The columns before the BLOBs let `object` skip runs:
-- a seq range of ids, a free_seq bound, free_seq IS NULL.
CREATE TABLE main.object_blob(
  first_id INTEGER PRIMARY KEY,  -- id of the run's first object
  last_id INTEGER NOT NULL,      -- id of its last object
  n INTEGER NOT NULL,            -- objects in the run
  min_free INTEGER,              -- smallest free_seq (NULL: none ended)
  max_free INTEGER,              -- largest free_seq (NULL: none ended)
  live INTEGER NOT NULL,         -- objects alive at the end (free_seq NULL)
  idx BLOB NOT NULL,             -- where each block of 256 objects starts in data and fate
  data BLOB NOT NULL,            -- creation fields: tag, address, size, stacks
  fate BLOB NOT NULL             -- free_seq and last size of each object
);

-- An index of `object` on free_seq, packed: the objects that ended, in the
-- order they ended, about 16000 bytes of them to a row (alloc/packed.h).
-- `object` reads it for free_seq = N.
CREATE TABLE main.object_end(
  first_free INTEGER PRIMARY KEY,  -- free_seq of the row's first object
  last_free INTEGER NOT NULL,      -- free_seq of its last
  n INTEGER NOT NULL,              -- objects in the row
  data BLOB NOT NULL               -- (free_seq, id) of each, packed
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

-- Live memory per tag over time, pre-aggregated, packed: one row per level
-- and tag (-1: all tags together) holding the buckets where the tag had live
-- objects or events, coded as alloc/packed.h describes.  Read them through
-- the `series` virtual table, whose rows are (level, tag, bucket, t, count,
-- bytes, peak_bytes, allocs, frees) in that order: t is the time of the
-- bucket's last event, count and bytes the live objects and bytes at its
-- end, peak_bytes the most live bytes at any event in it, allocs the ALLOC
-- and REALLOC events in it, frees its FREE events.
CREATE TABLE main.series_blob(
  level INTEGER NOT NULL,        -- series_level.level
  tag INTEGER NOT NULL,          -- tag, or -1 for all tags
  n INTEGER NOT NULL,            -- buckets in data
  data BLOB NOT NULL,            -- the buckets, packed
  PRIMARY KEY(level, tag)
);

-- One frame per row for every native stack (from native_stack.pcs).
CREATE TABLE main.native_frame(
  stack INTEGER NOT NULL,        -- native_stack.id
  level INTEGER NOT NULL,        -- 0 = innermost
  pc INTEGER NOT NULL,           -- native_symbol.pc
  PRIMARY KEY(stack, level)
) WITHOUT ROWID;

CREATE INDEX main.resize_obj ON resize(obj);

-- A stack node with its code location: one frame of a script stack.
CREATE VIEW main.frame AS
  SELECT s.id AS stack, s.parent, s.depth, c.filename, c.qualname, s.line
  FROM stack s JOIN code c ON c.id = s.code;

-- Objects alive when the run ended.
CREATE VIEW main.live_at_end AS
  SELECT * FROM object WHERE free_seq IS NULL;
