declare module 'virtual:shipped-catalogues' {
  import type { Catalogue } from '../../core/catalogue/types';
  const catalogues: Catalogue[];
  export default catalogues;
}

declare module 'virtual:shipped-crosswalks' {
  import type { Crosswalk } from '../../core/catalogue/crosswalk';
  const crosswalks: Crosswalk[];
  export default crosswalks;
}
