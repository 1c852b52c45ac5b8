// The generated modules of vite.config.ts's catalogue, typeface and image-faces plugins.
declare module 'virtual:catalogue.css';
declare module 'virtual:typeface.css';
declare module 'virtual:image-faces' {
  const faces: import('./catalogue/typeface.ts').FaceFile[];
  export default faces;
}
