"""Office-31: domain-adaptation office objects, amazon/dslr/webcam."""
