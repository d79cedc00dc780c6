-- Approximate nearest-neighbour search where pgvector exists (always on PGlite); elsewhere the
-- studio computes the same cosine over the real[] column, so the schema is the same on both.
-- (PGlite does not list its bundled extensions in pg_available_extensions, so try to create it.)
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS vector;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pgvector is not installed; semantic search will use an exact scan';
    RETURN;
  END;
  EXECUTE 'CREATE INDEX IF NOT EXISTS cards_embedding_hnsw ON cards USING hnsw ((embedding::vector(512)) vector_cosine_ops)';
END
$$;
