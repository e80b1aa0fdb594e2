// The Uplink target; see DESIGN.md.
