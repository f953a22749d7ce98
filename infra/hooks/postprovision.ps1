# azd postprovision hook (Windows twin of postprovision.sh): makes the server secret Syndication__ServerKey (base64 of
# 32 random bytes) in the Key Vault when it is absent; never printed. Rotate with $env:ROTATE_SERVER_KEY = '1': the
# current value becomes Syndication__PreviousServerKey (until the next provision) and a new one is made.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not $env:AZURE_KEY_VAULT_NAME -and (Get-Command azd -ErrorAction SilentlyContinue)) {
    foreach ($line in (azd env get-values)) {
        if ($line -match '^([^=]+)="?(.*?)"?$') { Set-Item -Path "env:$($Matches[1])" -Value $Matches[2] }
    }
}
foreach ($name in 'AZURE_KEY_VAULT_NAME', 'AZURE_SERVER_KEY_SECRET_NAME') {
    if (-not (Get-Item "env:$name" -ErrorAction SilentlyContinue)) { throw "$name is not set (run azd provision first)" }
}
$vault = $env:AZURE_KEY_VAULT_NAME
$secret = $env:AZURE_SERVER_KEY_SECRET_NAME
$sub = @()
if ($env:AZURE_SUBSCRIPTION_ID) { $sub = @('--subscription', $env:AZURE_SUBSCRIPTION_ID) }

function New-ServerKey {
    $bytes = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    return [Convert]::ToBase64String($bytes)
}

function Set-Secret([string] $name, [string] $value) {
    # From a file, so the value never appears in a process list.
    $file = New-TemporaryFile
    try {
        Set-Content -Path $file -Value $value -NoNewline
        az keyvault secret set --vault-name $vault --name $name --file $file --encoding utf-8 @sub --output none
        if ($LASTEXITCODE -ne 0) { throw "postprovision: writing secret '$name' to $vault failed" }
    }
    finally { Remove-Item $file }
}

# The user's role on the vault takes a minute or two to apply after the first provision: retry until it does.
$current = $null
for ($attempt = 1; $attempt -le 18; $attempt++) {
    $ErrorActionPreference = 'Continue'
    $output = az keyvault secret show --vault-name $vault --name $secret @sub --query value -o tsv 2>&1
    $ok = $LASTEXITCODE -eq 0
    $ErrorActionPreference = 'Stop'
    if ($ok) { $current = "$output"; break }
    if ("$output" -match 'SecretNotFound|was not found') { break }
    Write-Host "postprovision: waiting for access to Key Vault $vault ($attempt/18)..."
    Start-Sleep -Seconds 10
}

if (-not $current) {
    Set-Secret $secret (New-ServerKey)
    Write-Host "postprovision: made the server key (secret '$secret' in $vault)"
}
elseif ($env:ROTATE_SERVER_KEY -eq '1') {
    $previous = "$secret-previous"
    Set-Secret $previous $current
    Set-Secret $secret (New-ServerKey)
    if ($env:AZURE_FUNCTION_APP_NAME -and $env:AZURE_RESOURCE_GROUP) {
        $uri = az keyvault secret show --vault-name $vault --name $previous @sub --query id -o tsv
        $uri = $uri.Substring(0, $uri.LastIndexOf('/'))
        az functionapp config appsettings set -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME @sub `
            --settings "Syndication__PreviousServerKey=@Microsoft.KeyVault(SecretUri=$uri)" --output none
        az functionapp restart -g $env:AZURE_RESOURCE_GROUP -n $env:AZURE_FUNCTION_APP_NAME @sub --output none
    }
    Write-Host "postprovision: rotated the server key; the old one verifies as Syndication__PreviousServerKey"
}
else {
    Write-Host "postprovision: the server key exists (secret '$secret' in $vault)"
}

# The fediverse actor's RSA key (Syndication__Fediverse__PrivateKey, PEM), made once (docs/fediverse.md#keys-and-rotation).
$fediverse = if ($env:AZURE_FEDIVERSE_KEY_SECRET_NAME) { $env:AZURE_FEDIVERSE_KEY_SECRET_NAME } else { 'syndication-fediverse-key' }
$ErrorActionPreference = 'Continue'
az keyvault secret show --vault-name $vault --name $fediverse @sub --query id -o tsv 2>&1 | Out-Null
$exists = $LASTEXITCODE -eq 0
$ErrorActionPreference = 'Stop'
if ($exists) { Write-Host "postprovision: the fediverse key exists (secret '$fediverse' in $vault)" }
else {
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    Set-Secret $fediverse $rsa.ExportPkcs8PrivateKeyPem()
    Write-Host "postprovision: made the fediverse key (secret '$fediverse' in $vault)"
}
