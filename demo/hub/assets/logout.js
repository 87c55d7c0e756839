// The logout page after a proven sign-out (a valid id_token_hint): the Hub session ends
// without a question, as if the customer pressed the page's one button.
document.querySelector('button[name="logout"][value="yes"]')?.click();
