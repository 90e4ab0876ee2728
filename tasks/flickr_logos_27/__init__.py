"""FlickrLogos-27: Flickr photos of 27 brand logos."""
