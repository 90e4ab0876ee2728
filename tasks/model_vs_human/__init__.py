"""model-vs-human: the 17 out-of-distribution test sets of the modelvshuman toolbox."""
