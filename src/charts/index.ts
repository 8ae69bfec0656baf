/** Barrel: the pure chart functions (status or data in, SVG markup out). Add each chart module here. */
export * from './stage-bar';
