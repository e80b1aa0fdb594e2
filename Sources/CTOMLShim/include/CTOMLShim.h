// A thin C interface over toml++ (C++17, header-only): parse a TOML text into a flat list of
// nodes with their source positions, which Swift walks. Filled in by the configuration work.
#ifndef CTOML_SHIM_H
#define CTOML_SHIM_H
#endif
