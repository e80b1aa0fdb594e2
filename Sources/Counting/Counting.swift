// The Counting target; see DESIGN.md.
