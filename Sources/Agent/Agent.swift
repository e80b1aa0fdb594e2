// The Agent target; see DESIGN.md.
