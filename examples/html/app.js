// Defines <seatkit-account-users>, <seatkit-access-gate> and <seatkit-accept-invitation>.
import '@seatkit/elements';

/** The SeatKit server: `?api=https://…` on this page's URL, else the reference server of `npm run dev`. */
const api = (new URLSearchParams(location.search).get('api') ?? 'http://localhost:4000').replace(/\/+$/, '');

/**
 * Who is signed in. This example uses the reference server's development sign-in (`POST /dev/token`, only there with
 * SEATKIT_AUTH=dev or --seed demo); in your product, `getToken` returns your identity provider's access token.
 */
const TOKEN_KEY = 'seatkit-html-example.session';
const session = () => JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null');

const form = document.getElementById('sign-in');
const main = document.getElementById('main');

function render() {
  const current = session();
  form.hidden = Boolean(current);
  document.getElementById('signed-in').hidden = !current;
  document.getElementById('signed-out-note').hidden = Boolean(current);
  document.getElementById('who').textContent = current?.email ?? '';
  main.querySelector('seatkit-account-users')?.remove(); // removing the element unmounts it
  if (!current) return;
  const users = document.createElement('seatkit-account-users');
  users.setAttribute('base-url', api);
  users.setAttribute('heading-level', '2');
  users.setAttribute('locale', document.documentElement.lang);
  users.getToken = () => session()?.token ?? null;
  main.append(users);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = new FormData(form).get('email');
  const error = document.getElementById('sign-in-error');
  error.textContent = '';
  try {
    const response = await fetch(`${api}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    if (!response.ok) throw new Error(`The server refused the sign-in (HTTP ${response.status}).`);
    const { token } = await response.json();
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ email, token }));
    render();
  } catch (failure) {
    error.textContent = failure instanceof TypeError ? `The SeatKit server does not answer at ${api}.` : failure.message;
  }
});

document.getElementById('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  render();
});

render();
