"""Privacy of petitioners (§4.5, §8.4 e): sensitive fields, encryption, grading, consent, access logs, erasure."""
