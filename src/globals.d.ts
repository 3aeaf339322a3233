declare module '*.yaml' {
  const data: unknown;
  export default data;
}
declare const __BREACH_VERSION__: string;
