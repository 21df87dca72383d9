"""The Parquet schemas of the output tables: the single place where columns are defined."""
import pyarrow as pa

QUOTE_TYPES = ["direct", "partial", "mixed", "indirect"]
SPEAKER_KINDS = ["PERSON", "ORG"]

QUOTES = pa.schema([
    ("doc_id", pa.string()),
    ("quote_id", pa.string()),
    ("quote_text", pa.string()),
    ("quote_start", pa.int32()),
    ("quote_end", pa.int32()),
    ("quote_type", pa.string()),
    ("sentence_index", pa.int32()),
    ("cue", pa.string()),
    ("cue_start", pa.int32()),
    ("cue_end", pa.int32()),
    ("speaker_mention", pa.string()),
    ("speaker_start", pa.int32()),
    ("speaker_end", pa.int32()),
    ("speaker", pa.string()),
    ("speaker_short", pa.string()),
    ("speaker_kind", pa.string()),
    ("speaker_affiliation", pa.string()),
    ("addressee", pa.string()),
    ("attribution", pa.string()),
    ("belief", pa.bool_()),
    ("confidence", pa.float32()),
])

DOCUMENTS = pa.schema([
    ("doc_id", pa.string()),
    ("source", pa.string()),
    ("n_chars", pa.int64()),
    ("n_sentences", pa.int32()),
    ("n_quotes", pa.int32()),
    ("status", pa.string()),
    ("error", pa.string()),
    ("title", pa.string()),      # from the HTML page or the input's title field; null if none
    ("date", pa.string()),
    ("url", pa.string()),
    ("meta", pa.string()),       # JSON object of the input's other fields ("{}" if none)
    ("text", pa.string()),       # the original text; every offset in quotes.parquet is into it
])

# Columns that pandas gets as categoricals, with their fixed categories.
CATEGORIES = {"quote_type": QUOTE_TYPES, "speaker_kind": SPEAKER_KINDS}
