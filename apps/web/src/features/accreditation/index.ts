// The accreditation feature's public surface: what other features may use (see docs/CODE_STYLE.md).
export { AccreditationStanding } from './components/accreditation-standing';
