// The Journal target; see DESIGN.md.
