-- Corpus blocks: the rows of a corpus's shards (src/Silo/Corpora/PostgresCorpusBlockStore.cs).
--
-- A block is one batch of an add: rows first_row .. first_row + row_count - 1 of the corpus (row ids are row numbers
-- in the order rows were added), stored by one shard. Its embeddings are one binary block, row-major little-endian
-- float32 or float16 (precision = bytes per value); its texts, when the rows came as texts, one text[] with a text per
-- row. Blocks are keyed by corpus and first row, so a batch delivered twice is stored once. A shard loads its blocks'
-- embeddings in row order through corpus_block_shard; texts are read by row id only when results need them. An aborted
-- add's blocks are deleted by ingest. The corpus itself (model, shards, rows counted) is Orleans grain state.

CREATE TABLE corpus_block (
    corpus     text        NOT NULL,
    first_row  bigint      NOT NULL CHECK (first_row >= 0),
    shard      integer     NOT NULL CHECK (shard >= 0),
    row_count  integer     NOT NULL CHECK (row_count > 0),
    dimension  integer     NOT NULL CHECK (dimension > 0),
    precision  smallint    NOT NULL CHECK (precision IN (2, 4)),
    ingest     uuid        NOT NULL,
    sequence   bigint      NOT NULL,
    embeddings bytea       NOT NULL,
    texts      text[],
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (corpus, first_row),
    CHECK (octet_length(embeddings) = row_count::bigint * dimension * precision),
    CHECK (texts IS NULL OR cardinality(texts) = row_count)
);

-- A shard's blocks in row order: what a shard activation reads.
CREATE INDEX corpus_block_shard ON corpus_block (corpus, shard, first_row);

-- Float bits do not compress: keep the blocks out of line without pglz (the texts stay compressible).
ALTER TABLE corpus_block ALTER COLUMN embeddings SET STORAGE EXTERNAL;
