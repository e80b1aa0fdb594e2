// A thin C interface over toml++ (C++17, header-only): parse a TOML text into a flat list of
// nodes with their source positions, which Swift walks. No C++ exception crosses this boundary:
// toml++ is compiled with TOML_EXCEPTIONS=0 (it returns a parse result instead of throwing) and
// the remaining failure, running out of memory, is caught and reported as a parse error.
#ifndef CTOML_SHIM_H
#define CTOML_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a node holds. Dates and times are handed over as their TOML text (RFC 3339).
typedef enum ctoml_kind {
    CTOML_TABLE = 0,
    CTOML_ARRAY = 1,
    CTOML_STRING = 2,
    CTOML_INTEGER = 3,
    CTOML_FLOAT = 4,
    CTOML_BOOLEAN = 5,
    CTOML_DATE_TIME = 6,
} ctoml_kind;

/// One node of the parsed tree. Nodes are listed parents first (depth-first, document order
/// within a table as toml++ keeps it: sorted by key), so a node's parent has a lower index.
typedef struct ctoml_node {
    ctoml_kind kind;
    /// Index of the table or array holding this node; -1 for the root table (index 0).
    int64_t parent;
    /// The key in the parent table (UTF-8, may contain NUL: use key_length); "" in arrays and for
    /// the root.
    const char *key;
    size_t key_length;
    /// 1-based position of the key (0 for array elements and the root).
    uint32_t key_line;
    uint32_t key_column;
    /// 1-based position where the value begins (for a [table] its header; 0 when toml++ has
    /// none, as for the root and for tables only implied by a dotted header).
    uint32_t line;
    uint32_t column;
    /// Position inside the parent array (0 in tables).
    int64_t index;
    /// CTOML_INTEGER.
    int64_t integer;
    /// CTOML_FLOAT.
    double floating;
    /// CTOML_BOOLEAN: 0 or 1.
    int boolean;
    /// CTOML_STRING and CTOML_DATE_TIME: the text (UTF-8, may contain NUL: use text_length).
    const char *text;
    size_t text_length;
} ctoml_node;

/// A parsed document or a parse error; owns every string its nodes point to.
typedef struct ctoml_document ctoml_document;

/// Parses `length` bytes of TOML (no NUL terminator needed). Returns NULL only when not even the
/// result could be allocated; otherwise check ctoml_succeeded and free with ctoml_free.
ctoml_document *ctoml_parse(const char *text, size_t length);

/// 1 when the text parsed, 0 when it had a syntax error (see ctoml_error_*).
int ctoml_succeeded(const ctoml_document *document);

/// toml++'s description of the syntax error (NUL-terminated UTF-8); "" after success.
const char *ctoml_error_description(const ctoml_document *document);
/// 1-based position of the syntax error (0 when unknown).
uint32_t ctoml_error_line(const ctoml_document *document);
uint32_t ctoml_error_column(const ctoml_document *document);

/// Number of nodes (0 after a syntax error; at least 1, the root table, after success).
size_t ctoml_node_count(const ctoml_document *document);
/// The node at `index` (< ctoml_node_count), valid until ctoml_free.
const ctoml_node *ctoml_node_at(const ctoml_document *document, size_t index);

/// Frees the document and all its nodes and strings. NULL is allowed.
void ctoml_free(ctoml_document *document);

#ifdef __cplusplus
}
#endif

#endif
