"""RAVEN: Raven-style progressive matrices, 16 panels per problem in a .npz."""
