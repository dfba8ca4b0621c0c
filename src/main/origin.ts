/**
 * The app's origin. IndexedDB belongs to an origin, so this must never change between releases:
 * changing the scheme or host would leave every user's workbook behind in the old origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
