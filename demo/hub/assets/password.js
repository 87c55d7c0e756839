// Show-password switch for the Hub's password fields: progressive enhancement, so without
// scripts every field works as before. Its words come from the page (its language); the
// button's name is its visible text, so speech users can say what they see.
for (const wrapper of document.querySelectorAll('.password-field[data-show-label]')) {
  const input = wrapper.querySelector('input');
  if (!input) continue;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'reveal';
  toggle.textContent = wrapper.dataset.showLabel;
  toggle.setAttribute('aria-pressed', 'false');
  toggle.setAttribute('aria-controls', input.id);
  toggle.addEventListener('click', () => {
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(show));
  });
  // Never submitted as plain text: a form sent while the password shows hides it first.
  input.form?.addEventListener('submit', () => {
    input.type = 'password';
    toggle.setAttribute('aria-pressed', 'false');
  });
  wrapper.append(toggle);
}
