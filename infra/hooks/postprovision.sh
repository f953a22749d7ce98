#!/usr/bin/env bash
# azd postprovision hook: makes the server secret Syndication__ServerKey (base64 of 32 random bytes) in the Key Vault
# when it is absent; the app reads it through the Key Vault reference in its app settings. Bicep cannot make random
# bytes, and a value made in a template would sit in the deployment history: the secret is made here, once, by the
# deploying user (Key Vault Secrets Officer, from rbac.bicep), and never printed.
# Rotation: ROTATE_SERVER_KEY=1 ./infra/hooks/postprovision.sh keeps the current value as the previous key (it still
# verifies what it signed, Syndication__PreviousServerKey) and makes a new one; the app is restarted to read both.
# The next azd provision rewrites the app settings without the previous key, which ends the rotation.
set -euo pipefail

if [[ -z "${AZURE_KEY_VAULT_NAME:-}" ]] && command -v azd >/dev/null; then
  set -a; eval "$(azd env get-values)"; set +a
fi
: "${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set (run azd provision first)}"
: "${AZURE_SERVER_KEY_SECRET_NAME:?AZURE_SERVER_KEY_SECRET_NAME is not set}"
command -v az >/dev/null || { echo "postprovision: the Azure CLI (az) is required" >&2; exit 1; }
command -v openssl >/dev/null || { echo "postprovision: openssl is required" >&2; exit 1; }

vault="$AZURE_KEY_VAULT_NAME"
secret="$AZURE_SERVER_KEY_SECRET_NAME"
previous="$secret-previous"
sub=()
[[ -n "${AZURE_SUBSCRIPTION_ID:-}" ]] && sub=(--subscription "$AZURE_SUBSCRIPTION_ID")

write_secret() { # name; the value on stdin, so it never appears in a process list
  local file rc=0
  file="$(mktemp)"
  cat >"$file"
  az keyvault secret set --vault-name "$vault" --name "$1" --file "$file" --encoding utf-8 "${sub[@]}" --output none || rc=$?
  rm -f "$file"
  return "$rc"
}

# The user's role on the vault takes a minute or two to apply after the first provision: retry reading until it does.
current=""
for attempt in $(seq 1 18); do
  if current="$(az keyvault secret show --vault-name "$vault" --name "$secret" "${sub[@]}" --query value -o tsv 2>&1)"; then break; fi
  if grep -q "SecretNotFound\|was not found" <<<"$current"; then current=""; break; fi
  echo "postprovision: waiting for access to Key Vault $vault ($attempt/18)..."
  current=""; sleep 10
done

if [[ -z "$current" ]]; then
  openssl rand -base64 32 | tr -d '\n' | write_secret "$secret"
  echo "postprovision: made the server key (secret '$secret' in $vault)"
elif [[ "${ROTATE_SERVER_KEY:-0}" == 1 ]]; then
  printf '%s' "$current" | write_secret "$previous"
  openssl rand -base64 32 | tr -d '\n' | write_secret "$secret"
  if [[ -n "${AZURE_FUNCTION_APP_NAME:-}" && -n "${AZURE_RESOURCE_GROUP:-}" ]]; then
    uri="$(az keyvault secret show --vault-name "$vault" --name "$previous" "${sub[@]}" --query id -o tsv)"
    az functionapp config appsettings set -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" "${sub[@]}" \
      --settings "Syndication__PreviousServerKey=@Microsoft.KeyVault(SecretUri=${uri%/*})" --output none
    az functionapp restart -g "$AZURE_RESOURCE_GROUP" -n "$AZURE_FUNCTION_APP_NAME" "${sub[@]}" --output none
  fi
  echo "postprovision: rotated the server key; the old one verifies as Syndication__PreviousServerKey"
else
  echo "postprovision: the server key exists (secret '$secret' in $vault)"
fi

# The fediverse actor's RSA key (Syndication__Fediverse__PrivateKey, PEM), made once; rotating it is by hand
# (docs/fediverse.md#keys-and-rotation): followers' servers fetch the new key when a signature fails.
fediverse="${AZURE_FEDIVERSE_KEY_SECRET_NAME:-syndication-fediverse-key}"
if az keyvault secret show --vault-name "$vault" --name "$fediverse" "${sub[@]}" --query id -o tsv >/dev/null 2>&1; then
  echo "postprovision: the fediverse key exists (secret '$fediverse' in $vault)"
else
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | write_secret "$fediverse"
  echo "postprovision: made the fediverse key (secret '$fediverse' in $vault)"
fi
