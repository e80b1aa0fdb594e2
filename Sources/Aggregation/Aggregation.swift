// The Aggregation target; see DESIGN.md.
