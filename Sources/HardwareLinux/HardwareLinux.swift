// The HardwareLinux target; see DESIGN.md.
