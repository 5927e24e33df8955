// The module build/contract-validators.ts generates at build time: the contract's schemas as
// compiled checks (true when the value matches), the results' checks by method name.
declare module 'virtual:contract-validators' {
  export const checkMessage: (value: unknown) => boolean;
  export const checkOutput: Readonly<Record<string, (value: unknown) => boolean>>;
}
