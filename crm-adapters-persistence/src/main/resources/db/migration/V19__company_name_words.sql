-- Fuzzy company search on a million names (docs/decisions/fuzzy-search.md).
-- Trigram word similarity over every name costs 20-50 ms a query: the common trigrams of legal
-- forms and places ("as", "enk", "oslo") give posting lists of hundreds of thousands of rows.
-- Instead each word of the query is first matched against the names' vocabulary (a few thousand
-- distinct words), and the names that hold a similar word for every query word are found
-- through an index of their words; only those are ranked by word similarity as before.

-- A name's words, lower case, as the index and the query split them.
CREATE FUNCTION kontor_name_words(name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN regexp_split_to_array(lower(btrim(name)), '\s+');

-- Every word any company's name has had. Words are only added: a word no name uses any more
-- costs a row and matches nothing.
CREATE TABLE company_name_word (
    word text PRIMARY KEY
);
CREATE INDEX company_name_word_trgm ON company_name_word USING gin (word gin_trgm_ops);
INSERT INTO company_name_word SELECT DISTINCT unnest(kontor_name_words(name)) FROM company ON CONFLICT DO NOTHING;

CREATE FUNCTION company_name_words_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- in one order, so that two names sharing new words cannot deadlock on them
    INSERT INTO company_name_word SELECT DISTINCT w FROM unnest(kontor_name_words(NEW.name)) w ORDER BY w ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER company_name_words_keep AFTER INSERT OR UPDATE OF name ON company
    FOR EACH ROW EXECUTE FUNCTION company_name_words_keep();

CREATE INDEX company_name_words ON company USING gin (kontor_name_words(name));
-- the trigram index of whole names served only the fuzzy search
DROP INDEX company_name_trgm;

GRANT SELECT, INSERT ON company_name_word TO ${appRole};
