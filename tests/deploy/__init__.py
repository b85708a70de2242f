"""Deployment: the image, Compose, Kubernetes manifests, the production command, settings."""
