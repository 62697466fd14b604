// The page's entry: its styles, then the app. A public page arrives with its first screen drawn
// by the server (server/src/http/first-screen.ts), and only the styles are needed to paint it;
// the app's script is asked for once that screen has been painted, so that on a slow phone
// connection the page is drawn first instead of sharing the connection with the script.
import './ui/styles.scss';

const start = () => void import('./main');
// A tab opened in the background paints no frame until it is shown: nothing to wait for there.
if (document.visibilityState === 'hidden') start();
else requestAnimationFrame(() => setTimeout(start, 0));
