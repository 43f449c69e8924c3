// The materials feature's public surface: what other features may use (see docs/CODE_STYLE.md).
export { MaterialViewer } from './components/material-viewer';
