"""Set5: the five super-resolution benchmark images, named by their subject."""
