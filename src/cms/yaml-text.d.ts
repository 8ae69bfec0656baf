/** src/admin/config.yml, imported as text by src/cms/admin.ts (esbuild's text loader). */
declare module '*.yml' {
  const text: string;
  export default text;
}
