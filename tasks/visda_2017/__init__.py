"""VisDA-2017 classification track: synthetic renders (train) and real crops (validation) in class folders."""
