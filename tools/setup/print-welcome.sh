#!/usr/bin/env bash
# Printed at the end of `make up`: where to go and how to sign in.
cat <<'TXT'

  Démarches is up.

  Gateway (the only public entry)   http://127.0.0.1:3000
  Demo démarche                      GET  http://127.0.0.1:3000/api/commencer/demo-jardins-partages
  Keycloak (realm demarches)         http://127.0.0.1:8180/admin   (admin / admin, local only)
  Captured e-mails (Mailpit API)     http://127.0.0.1:8025/api/v1/messages
  FranceConnect stand-in             http://127.0.0.1:8280/.well-known/openid-configuration

  Demo accounts (password: Demarches-Demo-2026!)
    administrateur   admin@demo.demarches.gouv.fr
    instructeur      instructeur@demo.demarches.gouv.fr
    usager           usager@demo.demarches.fr   (and usager2@demo.demarches.fr)

  Walk through the demo: README.md § "Walk through the demo". Stop everything with `make down`.
TXT
