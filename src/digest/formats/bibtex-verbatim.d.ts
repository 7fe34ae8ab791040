export { parse as readVerbatim } from '../../../node_modules/@retorquere/bibtex-parser/dist/types/verbatim';
