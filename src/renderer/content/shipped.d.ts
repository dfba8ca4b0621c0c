declare module 'virtual:shipped-catalogues' {
  import type { Catalogue } from '../../core/catalogue/types';
  const catalogues: Catalogue[];
  export default catalogues;
}
