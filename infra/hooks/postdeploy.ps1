# azd postdeploy hook (Windows twin of postdeploy.sh): subscribes the blob trigger
# (IngestArticle) to the storage account's Event Grid system topic, and HandleBlobDeleted
# (BlobDeleted) with that function's own key "eventgrid", made here if absent
# (rotate with $env:ROTATE_EVENTGRID_KEY = '1').
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (-not $env:AZURE_FUNCTION_APP_NAME -and (Get-Command azd -ErrorAction SilentlyContinue)) {
    foreach ($line in (azd env get-values)) {
        if ($line -match '^([^=]+)="?(.*?)"?$') { Set-Item -Path "env:$($Matches[1])" -Value $Matches[2] }
    }
}
foreach ($name in 'AZURE_FUNCTION_APP_NAME', 'AZURE_RESOURCE_GROUP', 'AZURE_EVENTGRID_TOPIC_NAME') {
    if (-not (Get-Item "env:$name" -ErrorAction SilentlyContinue)) { throw "$name is not set (run azd provision first)" }
}

$app = $env:AZURE_FUNCTION_APP_NAME
$rg = $env:AZURE_RESOURCE_GROUP
$sub = @()
if ($env:AZURE_SUBSCRIPTION_ID) { $sub = @('--subscription', $env:AZURE_SUBSCRIPTION_ID) }
$container = if ($env:AZURE_ARTICLES_CONTAINER_NAME) { $env:AZURE_ARTICLES_CONTAINER_NAME } else { 'articles' }
$endpoint = if ($env:SERVICE_API_ENDPOINT) { $env:SERVICE_API_ENDPOINT } else { "https://$app.azurewebsites.net" }
$functionName = 'IngestArticle'
$subscriptionName = 'ingest-articles'

$appId = az functionapp show -g $rg -n $app @sub --query id -o tsv
if ($LASTEXITCODE -ne 0) { throw "function app $app not found" }

function Read-BlobsExtensionKey([string] $query = 'systemKeys.blobs_extension') {
    $ErrorActionPreference = 'Continue'  # a missing key is expected while the host starts
    $key = az functionapp keys list -g $rg -n $app @sub --query $query -o tsv 2>$null
    if (-not $key -or $key -eq 'None') {
        $key = az rest --method post @sub --url "$appId/host/default/listKeys?api-version=2024-04-01" `
            --query $query -o tsv 2>$null
    }
    if ($key -eq 'None') { $key = $null }
    return $key
}

$key = $null
for ($attempt = 1; $attempt -le 30 -and -not $key; $attempt++) {
    $key = Read-BlobsExtensionKey
    if (-not $key) {
        Write-Host "postdeploy: waiting for the blobs_extension key ($attempt/30)..."
        try { Invoke-WebRequest -Uri "$endpoint/" -TimeoutSec 30 -UseBasicParsing | Out-Null } catch { }
        Start-Sleep -Seconds 10
    }
}
if (-not $key) { throw "postdeploy: no blobs_extension key on $app; is $functionName deployed?" }

# create is a create-or-update (PUT), so re-running the hook is safe.
function Add-Subscription([string] $name, [string] $endpoint, [string] $eventType, [string] $target) {
    # az is a .cmd on Windows, where cmd.exe would split the URL at '&' unless it is quoted.
    if ($env:OS -eq 'Windows_NT') { $endpoint = "`"$endpoint`"" }
    az eventgrid system-topic event-subscription create @sub `
        --name $name `
        --resource-group $rg `
        --system-topic-name $env:AZURE_EVENTGRID_TOPIC_NAME `
        --endpoint-type webhook `
        --endpoint $endpoint `
        --included-event-types $eventType `
        --subject-begins-with "/blobServices/default/containers/$container/" `
        --output none
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: creating the Event Grid subscription '$name' failed" }
    Write-Host "postdeploy: Event Grid subscription '$name' on '$($env:AZURE_EVENTGRID_TOPIC_NAME)' -> $target"
}

Add-Subscription $subscriptionName "$endpoint/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key" 'Microsoft.Storage.BlobCreated' $functionName

# Deletions: their own subscription to the HandleBlobDeleted webhook; the blob trigger drops them. Its URL carries a
# key of that function only ("eventgrid"), never a host key: the manage routes are admin level, so it opens nothing else.
$webhookFunction = 'HandleBlobDeleted'
$webhookKeyName = 'eventgrid'
$webhookKey = $null
if ($env:ROTATE_EVENTGRID_KEY -ne '1') {
    $ErrorActionPreference = 'Continue'
    $webhookKey = az functionapp function keys list -g $rg -n $app @sub --function-name $webhookFunction `
        --query $webhookKeyName -o tsv 2>$null
    $ErrorActionPreference = 'Stop'
    if ($webhookKey -eq 'None') { $webhookKey = $null }
}
if (-not $webhookKey) {
    $bytes = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($bytes)
    $webhookKey = [Convert]::ToBase64String($bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
    az functionapp function keys set -g $rg -n $app @sub --function-name $webhookFunction `
        --key-name $webhookKeyName --key-value $webhookKey --output none
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: setting the function key '$webhookKeyName' of $webhookFunction failed" }
    Write-Host "postdeploy: function key '$webhookKeyName' of $webhookFunction set"
}
Add-Subscription 'remove-articles' "$endpoint/api/events/blob-deleted?code=$webhookKey" 'Microsoft.Storage.BlobDeleted' $webhookFunction

# The smoke check (scripts/smoke.sh, bash): a probe article through storage, Event Grid and the feeds, as readers get
# them. Offered after every deploy; run here when SYNDICATION_SMOKE is true (azd env set SYNDICATION_SMOKE true) and
# bash is on the PATH (Git Bash or WSL).
$public = if ($env:FEED_RSS_URL) { $env:FEED_RSS_URL -replace '/feeds/all\.rss$', '' } else { "$endpoint/api" }
$smoke = Join-Path $PSScriptRoot '../../scripts/smoke.sh'
if ($env:SYNDICATION_SMOKE -eq 'true' -and (Get-Command bash -ErrorAction SilentlyContinue)) {
    bash $smoke $public
    if ($LASTEXITCODE -ne 0) { throw "postdeploy: the smoke check failed (above)" }
} else {
    Write-Host "postdeploy: check the deployment end to end with bash scripts/smoke.sh $public (azd env set SYNDICATION_SMOKE true runs it after every deploy)"
}
