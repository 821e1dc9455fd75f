// rxjs-asyncer/operators: flat named re-exports; test/exports.test.ts pins them.
export {};
