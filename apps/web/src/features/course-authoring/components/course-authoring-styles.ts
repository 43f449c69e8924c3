// Mantine per-component CSS for what only course authoring uses (the shell loads the common ones).
import '@mantine/core/styles/Radio.css';
import './course-authoring.css';
