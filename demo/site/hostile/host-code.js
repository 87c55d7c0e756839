// The page's own use of `?code=`: a promotion code, unrelated to signing in.
const code = new URLSearchParams(window.location.search).get('code');
const promo = document.getElementById('promo');
if (code && promo) promo.textContent = `Uw actiecode: ${code.toUpperCase()}`;
