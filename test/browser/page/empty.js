// Node built-ins workerpool requires only in Node: empty for a browser bundle.
export default {};
