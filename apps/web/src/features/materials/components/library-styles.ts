// Mantine per-component CSS for the components only the library uses (the app shell loads the
// common ones in app/styles.ts). A missing file fails silently, so the browser journey looks.
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
