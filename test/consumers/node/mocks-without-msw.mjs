// The reference backend's entry without msw installed: prints the error it throws.
try {
  await import('web-billing-kit/mocks/node');
  console.log('loaded');
} catch (error) {
  console.log(error.message);
}
