// toml++ behind a C API; see include/CTOMLShim.h.
//
// Debian's libtomlplusplus-dev ships both a shared library (pkg-config says TOML_HEADER_ONLY=0)
// and the headers; we use the headers only, so nothing links against libtomlplusplus.so and the
// parser is compiled with our own settings. TOML_EXCEPTIONS=0 makes toml::parse return a
// parse_result (table or error) instead of throwing; toml++ puts the no-exceptions build in its
// own ABI namespace, so this cannot clash with the shared library built with exceptions.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#define TOML_ENABLE_WINDOWS_COMPAT 0
#include <toml++/impl/preprocessor.h>
// toml++ 3.3.0 (Debian bookworm) checks parser preconditions with TOML_ASSERT_ASSUME: an
// assert() that aborts in debug builds and a __builtin_assume (undefined behaviour when false) in
// release builds. Malformed headers such as "[#" or "[\n" violate one in parse_key() (fixed
// upstream in tomlplusplus PR #301), although parse_key() itself reports that case as a normal
// parse error. A config checker must never abort on its input, so both macros check nothing
// here; preprocessor.h is #pragma once, so toml.h keeps these definitions. The fuzz tests
// (ConfigFuzzTests) cover such inputs.
#undef TOML_ASSERT
#define TOML_ASSERT(expr) static_assert(true)
#undef TOML_ASSERT_ASSUME
#define TOML_ASSERT_ASSUME(expr) static_assert(true)
#include <toml++/toml.h>

#include <cstdio>
#include <deque>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "CTOMLShim.h"

struct ctoml_document {
    bool succeeded = false;
    std::string error_description;
    uint32_t error_line = 0;
    uint32_t error_column = 0;
    std::vector<ctoml_node> nodes;
    // A deque never moves its elements on push_back, so the pointers handed out stay valid.
    std::deque<std::string> strings;
};

namespace {

const std::string &keep(ctoml_document &document, std::string text) {
    document.strings.push_back(std::move(text));
    return document.strings.back();
}

std::string two_digits(unsigned value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02u", value % 100u);
    return buffer;
}

std::string render(const toml::date &date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04u-", static_cast<unsigned>(date.year) % 10000u);
    return buffer + two_digits(date.month) + "-" + two_digits(date.day);
}

std::string render(const toml::time &time) {
    std::string text = two_digits(time.hour) + ":" + two_digits(time.minute) + ":" + two_digits(time.second);
    if (time.nanosecond != 0) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, ".%09u", static_cast<unsigned>(time.nanosecond % 1000000000u));
        text += buffer;
    }
    return text;
}

std::string render(const toml::date_time &value) {
    std::string text = render(value.date) + "T" + render(value.time);
    if (value.offset) {
        int minutes = value.offset->minutes;
        if (minutes == 0) return text + "Z";
        text += minutes < 0 ? "-" : "+";
        if (minutes < 0) minutes = -minutes;
        text += two_digits(static_cast<unsigned>(minutes / 60)) + ":" + two_digits(static_cast<unsigned>(minutes % 60));
    }
    return text;
}

ctoml_node blank_node(int64_t parent) {
    ctoml_node node{};
    node.kind = CTOML_TABLE;
    node.parent = parent;
    node.key = "";
    node.text = "";
    return node;
}

void set_text(ctoml_document &document, ctoml_node &node, std::string text) {
    const std::string &kept = keep(document, std::move(text));
    node.text = kept.c_str();
    node.text_length = kept.size();
}

// Appends `value` and its children. Recursion depth is bounded by toml++'s own nesting limit
// (TOML_MAX_NESTED_VALUES), which it enforces while parsing.
void flatten(ctoml_document &document, const toml::node &value, ctoml_node node) {
    const toml::source_position begin = value.source().begin;
    node.line = begin.line;
    node.column = begin.column;
    const int64_t self = static_cast<int64_t>(document.nodes.size());

    switch (value.type()) {
    case toml::node_type::table: {
        node.kind = CTOML_TABLE;
        document.nodes.push_back(node);
        for (auto &&[key, child] : *value.as_table()) {
            ctoml_node entry = blank_node(self);
            const std::string &kept = keep(document, std::string(key.str()));
            entry.key = kept.c_str();
            entry.key_length = kept.size();
            entry.key_line = key.source().begin.line;
            entry.key_column = key.source().begin.column;
            flatten(document, child, entry);
        }
        return;
    }
    case toml::node_type::array: {
        node.kind = CTOML_ARRAY;
        document.nodes.push_back(node);
        int64_t index = 0;
        for (const toml::node &child : *value.as_array()) {
            ctoml_node element = blank_node(self);
            element.index = index++;
            flatten(document, child, element);
        }
        return;
    }
    case toml::node_type::string:
        node.kind = CTOML_STRING;
        set_text(document, node, std::string(value.as_string()->get()));
        break;
    case toml::node_type::integer:
        node.kind = CTOML_INTEGER;
        node.integer = value.as_integer()->get();
        break;
    case toml::node_type::floating_point:
        node.kind = CTOML_FLOAT;
        node.floating = value.as_floating_point()->get();
        break;
    case toml::node_type::boolean:
        node.kind = CTOML_BOOLEAN;
        node.boolean = value.as_boolean()->get() ? 1 : 0;
        break;
    case toml::node_type::date:
        node.kind = CTOML_DATE_TIME;
        set_text(document, node, render(value.as_date()->get()));
        break;
    case toml::node_type::time:
        node.kind = CTOML_DATE_TIME;
        set_text(document, node, render(value.as_time()->get()));
        break;
    case toml::node_type::date_time:
        node.kind = CTOML_DATE_TIME;
        set_text(document, node, render(value.as_date_time()->get()));
        break;
    case toml::node_type::none:
        // Not produced by the parser; keep the tree well-formed anyway.
        node.kind = CTOML_STRING;
        break;
    }
    document.nodes.push_back(node);
}

void fail(ctoml_document &document, std::string description, uint32_t line, uint32_t column) {
    document.succeeded = false;
    document.nodes.clear();
    document.strings.clear();
    document.error_description = std::move(description);
    document.error_line = line;
    document.error_column = column;
}

} // namespace

extern "C" {

ctoml_document *ctoml_parse(const char *text, size_t length) {
    ctoml_document *document = new (std::nothrow) ctoml_document();
    if (document == nullptr) return nullptr;
    // Allocation failures throw std::bad_alloc even with TOML_EXCEPTIONS=0; stop them here.
    try {
        std::string_view source(text == nullptr ? "" : text, text == nullptr ? 0 : length);
        toml::parse_result result = toml::parse(source);
        if (!result) {
            const toml::parse_error &error = result.error();
            fail(*document, std::string(error.description()), error.source().begin.line,
                 error.source().begin.column);
            return document;
        }
        flatten(*document, result.table(), blank_node(-1));
        document->succeeded = true;
    } catch (...) {
        fail(*document, "out of memory while parsing", 0, 0);
    }
    return document;
}

int ctoml_succeeded(const ctoml_document *document) { return document != nullptr && document->succeeded ? 1 : 0; }

const char *ctoml_error_description(const ctoml_document *document) {
    return document == nullptr ? "" : document->error_description.c_str();
}

uint32_t ctoml_error_line(const ctoml_document *document) { return document == nullptr ? 0 : document->error_line; }

uint32_t ctoml_error_column(const ctoml_document *document) {
    return document == nullptr ? 0 : document->error_column;
}

size_t ctoml_node_count(const ctoml_document *document) { return document == nullptr ? 0 : document->nodes.size(); }

const ctoml_node *ctoml_node_at(const ctoml_document *document, size_t index) {
    if (document == nullptr || index >= document->nodes.size()) return nullptr;
    return &document->nodes[index];
}

void ctoml_free(ctoml_document *document) { delete document; }

} // extern "C"
