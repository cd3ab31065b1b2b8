/** Stylesheets are bundled by Vite; TypeScript only needs to know these side-effect imports are intended. */
declare module '*.css';
